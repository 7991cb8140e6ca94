package io.github.elbo4j.cli.demo;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one place where demos are registered. */
public final class DemoCatalog {

    private static final List<Demo> DEMOS = List.of(new GaussianSamplingDemo(), new BayesCoinDemo(), new KlElboDemo(), new LaplaceMixtureDemo(),
            SviVsCaviDemo.caviChain(), new GmmDemo(), SviVsCaviDemo.sviVsCavi(), new VaeDemo(), new SsvaeDemo(), new FlowsDemo(), new BnnDemo(), new GpDemo());

    private DemoCatalog() {
    }

    /** Every demo, in the order {@code --all} runs them. */
    public static List<Demo> all() {
        return DEMOS;
    }

    /** The demo with this name. */
    public static Optional<Demo> find(String name) {
        return DEMOS.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The known names, comma-separated. */
    public static String names() {
        return DEMOS.stream().map(Demo::name).collect(Collectors.joining(", "));
    }
}
