package io.github.elbo4j.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** What sums and products of kernels share: the input dimension and the hyperparameter names. */
final class Composition {

    private Composition() {
    }

    static void checkDimensions(String what, Kernel left, Kernel right) {
        OptionalInt a = left.inputDimension();
        OptionalInt b = right.inputDimension();
        if (a.isPresent() && b.isPresent() && a.getAsInt() != b.getAsInt()) {
            throw new IllegalArgumentException(what + " operands need the same input dimension, got "
                    + a.getAsInt() + " (" + left + ") and " + b.getAsInt() + " (" + right + ")");
        }
    }

    static OptionalInt dimension(Kernel left, Kernel right) {
        return left.inputDimension().isPresent() ? left.inputDimension() : right.inputDimension();
    }

    static List<String> names(Kernel left, Kernel right) {
        List<String> names = new ArrayList<>();
        for (String n : left.parameterNames()) {
            names.add("left." + n);
        }
        for (String n : right.parameterNames()) {
            names.add("right." + n);
        }
        return names;
    }
}
