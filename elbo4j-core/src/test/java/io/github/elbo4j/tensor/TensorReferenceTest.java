package io.github.elbo4j.tensor;

import static io.github.elbo4j.tensor.TensorAsserts.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tensor operation against NumPy 2.4 / SciPy 1.17 on the cases of
 * {@code src/test/resources/reference/tensor_ops.json}, written by
 * {@code src/test/resources/reference/make_tensor_reference.py} (run it with {@code python3} to
 * regenerate). Cases NumPy refuses must be refused here with an {@link IllegalArgumentException}
 * whose message names the shape of every operand.
 *
 * <p>Tolerance: exact (same bits) for operations that copy, move or compare elements or perform
 * a single correctly rounded IEEE operation per element; {@value #TOLERANCE} relative to
 * {@code max(1, |expected|)} for everything that sums, or calls a transcendental function whose
 * last bit may differ between {@code java.lang.Math} and the C library.
 */
class TensorReferenceTest {

    private static final String RESOURCE = "/reference/tensor_ops.json";
    private static final double TOLERANCE = 1e-12;

    /** Operations whose result is the same double, bit for bit, as NumPy's. */
    private static final Set<String> EXACT = Set.of(
            "add", "sub", "mul", "div", "maximum", "minimum", "add_scalar", "sub_scalar", "mul_scalar",
            "div_scalar", "rsub", "rdiv", "neg", "abs", "sign", "sqrt", "square", "reciprocal", "relu",
            "gt", "lt", "ge", "le", "eq", "where", "max", "min", "permute", "transpose", "broadcast_to",
            "slice", "index_select", "gather", "concat", "stack", "outer", "eye");

    private static JsonNode reference;

    static synchronized JsonNode reference() {
        if (reference == null) {
            try (InputStream in = TensorReferenceTest.class.getResourceAsStream(RESOURCE)) {
                assertThat(in).as(RESOURCE).isNotNull();
                reference = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    static Stream<Arguments> cases() {
        return StreamSupport.stream(reference().get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @Test
    void referenceFileCoversEveryOperationFamily() {
        List<String> ops = new ArrayList<>();
        reference().get("cases").forEach(c -> ops.add(c.get("op").asText()));
        assertThat(ops).contains("add", "sum", "logsumexp", "permute", "slice", "index_select", "index_add",
                "gather", "scatter_add", "concat", "stack", "matmul", "where", "sum_to", "broadcast_to");
        assertThat(reference().get("numpy").asText()).startsWith("2.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithNumpy(String name, JsonNode c) {
        String op = c.get("op").asText();
        List<Tensor> inputs = new ArrayList<>();
        c.get("inputs").forEach(n -> inputs.add(tensor(n)));
        JsonNode params = c.get("params");
        if (c.has("error")) {
            assertThatThrownBy(() -> run(op, inputs, params))
                    .as("NumPy refused: %s", c.get("error").asText())
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> {
                        for (Tensor t : inputs) {
                            assertThat(e.getMessage()).contains(Arrays.toString(t.shape()));
                        }
                    });
            return;
        }
        Tensor expected = tensor(c.get("expected"));
        Tensor actual = run(op, inputs, params);
        if (EXACT.contains(op) || op.equals("matmul") && name.contains("(BLAS)") && !name.contains("40x50")) {
            // integer-valued BLAS cases: every partial sum is an exact integer
            assertThat(actual).isEqualTo(expected);
        } else {
            assertClose(actual, expected, TOLERANCE);
        }
    }

    private static Tensor run(String op, List<Tensor> in, JsonNode p) {
        Tensor x = in.isEmpty() ? null : in.get(0);
        return switch (op) {
            case "add" -> x.add(in.get(1));
            case "sub" -> x.sub(in.get(1));
            case "mul" -> x.mul(in.get(1));
            case "div" -> x.div(in.get(1));
            case "pow" -> x.pow(in.get(1));
            case "maximum" -> x.maximum(in.get(1));
            case "minimum" -> x.minimum(in.get(1));
            case "add_scalar" -> x.add(p.get("c").asDouble());
            case "sub_scalar" -> x.sub(p.get("c").asDouble());
            case "mul_scalar" -> x.mul(p.get("c").asDouble());
            case "div_scalar" -> x.div(p.get("c").asDouble());
            case "pow_scalar" -> x.pow(p.get("c").asDouble());
            case "rsub" -> x.rsub(p.get("c").asDouble());
            case "rdiv" -> x.rdiv(p.get("c").asDouble());
            case "neg" -> x.neg();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "square" -> x.square();
            case "abs" -> x.apply(ElementwiseFunction.ABS);
            case "sign" -> x.apply(ElementwiseFunction.SIGN);
            case "log1p" -> x.apply(ElementwiseFunction.LOG1P);
            case "expm1" -> x.apply(ElementwiseFunction.EXPM1);
            case "reciprocal" -> x.apply(ElementwiseFunction.RECIPROCAL);
            case "sin" -> x.apply(ElementwiseFunction.SIN);
            case "cos" -> x.apply(ElementwiseFunction.COS);
            case "tanh" -> x.apply(ElementwiseFunction.TANH);
            case "relu" -> x.apply(ElementwiseFunction.RELU);
            case "gt" -> x.gt(in.get(1));
            case "lt" -> x.lt(in.get(1));
            case "ge" -> x.ge(in.get(1));
            case "le" -> x.le(in.get(1));
            case "eq" -> x.eq(in.get(1));
            case "where" -> Tensor.where(x, in.get(1), in.get(2));
            case "sum" -> x.sum(axes(p));
            case "mean" -> x.mean(axes(p));
            case "prod" -> x.prod(axes(p));
            case "max" -> x.max(axes(p));
            case "min" -> x.min(axes(p));
            case "logsumexp" -> x.logSumExp(axes(p));
            case "permute" -> x.permute(ints(p.get("perm")));
            case "transpose" -> x.transpose();
            case "broadcast_to" -> x.broadcastTo(ints(p.get("shape")));
            case "sum_to" -> x.sumTo(ints(p.get("shape")));
            case "slice" -> x.slice(p.get("axis").asInt(), p.get("start").asInt(), p.get("end").asInt());
            case "index_select" -> x.indexSelect(p.get("axis").asInt(), ints(p.get("index")));
            case "index_add" -> x.indexAdd(p.get("axis").asInt(), ints(p.get("index")), p.get("size").asInt());
            case "gather" -> x.gather(p.get("axis").asInt(), index(p.get("index")));
            case "scatter_add" -> x.scatterAdd(p.get("axis").asInt(), index(p.get("index")), p.get("size").asInt());
            case "concat" -> Tensor.concat(p.get("axis").asInt(), in.toArray(Tensor[]::new));
            case "stack" -> Tensor.stack(p.get("axis").asInt(), in.toArray(Tensor[]::new));
            case "matmul" -> x.matmul(in.get(1));
            case "outer" -> x.outer(in.get(1));
            case "arange" -> Tensor.arange(p.get("start").asDouble(), p.get("stop").asDouble(), p.get("step").asDouble());
            case "linspace" -> Tensor.linspace(p.get("start").asDouble(), p.get("stop").asDouble(), p.get("n").asInt());
            case "eye" -> Tensor.eye(p.get("n").asInt());
            default -> throw new AssertionError("no Java operation for reference op " + op);
        };
    }

    private static int[] axes(JsonNode p) {
        return p.has("axes") ? ints(p.get("axes")) : new int[0];
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static Tensor tensor(JsonNode n) {
        return Tensor.of(doubles(n.get("data")), ints(n.get("shape")));
    }

    private static Index index(JsonNode n) {
        return Index.of(ints(n.get("data")), ints(n.get("shape")));
    }
}
