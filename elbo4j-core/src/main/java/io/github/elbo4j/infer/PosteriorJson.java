package io.github.elbo4j.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.guide.Preconditioner;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The posterior and stochastic-VI state parts of {@link FitJson}. */
final class PosteriorJson {

    private PosteriorJson() {
    }

    static ObjectNode write(Posterior posterior, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        ObjectNode shapes = node.putObject("latentShapes");
        for (String name : posterior.latentNames()) {
            ArrayNode a = shapes.putArray(name);
            for (int s : posterior.shapeOf(name)) {
                a.add(s);
            }
        }
        if (posterior instanceof GuidePosterior g) {
            node.put("type", g.autoGuide().isPresent() ? "automatic" : "guide");
            g.autoGuide().ifPresent(a -> node.put("guide", a.settingsName()));
            node.put("maxPlateNesting", g.maxPlateNesting());
            if (g.preconditioner() != null) {
                ObjectNode pre = node.putObject("preconditioner");
                pre.set("shift", FitJson.tensor(g.preconditioner().shift()));
                if (!g.preconditioner().isIdentity()) {
                    pre.set("factor", FitJson.tensor(g.preconditioner().factor()));
                }
                pre.put("logAbsDet", g.preconditioner().logAbsDet());
            }
            node.set("parameters", store(g.parameterStore(), json));
        } else if (posterior instanceof DrawsPosterior d) {
            node.put("type", "draws");
            node.put("origin", d.origin());
            node.set("points", FitJson.tensor(d.points()));
        } else if (posterior instanceof FactorPosterior f) {
            node.put("type", "factors");
            node.set("factors", f.toJson(json));
        } else {
            throw new IllegalArgumentException("cannot save a posterior of type " + posterior.getClass().getSimpleName());
        }
        return node;
    }

    static ObjectNode writeState(SviState s, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("step", s.step());
        node.put("lrScale", s.lrScale());
        node.set("parameters", store(s.parameters(), json));
        if (s.optimizer() != null) {
            ObjectNode opt = node.putObject("optimizer");
            opt.put("step", s.optimizer().step());
            ArrayNode slots = opt.putArray("slots");
            for (double[][] slot : s.optimizer().slots()) {
                ArrayNode perParam = slots.addArray();
                for (double[] values : slot) {
                    ArrayNode a = perParam.addArray();
                    for (double v : values) {
                        FitJson.addNumber(a, v);
                    }
                }
            }
        }
        return node;
    }

    static SviState readState(JsonNode node) {
        OptimizerState opt = null;
        if (node.has("optimizer")) {
            JsonNode slots = node.path("optimizer").path("slots");
            double[][][] s = new double[slots.size()][][];
            for (int k = 0; k < s.length; k++) {
                s[k] = new double[slots.get(k).size()][];
                for (int p = 0; p < s[k].length; p++) {
                    s[k][p] = FitJson.doubles(slots.get(k).get(p));
                }
            }
            opt = OptimizerState.restore(s, node.path("optimizer").path("step").asLong());
        }
        return new SviState(node.path("step").asLong(), readStore(node.path("parameters")), opt, node.path("lrScale").asDouble());
    }

    static Preconditioner readPreconditioner(JsonNode node) {
        Tensor shift = FitJson.tensor(node.path("shift"));
        Tensor factor = node.has("factor") ? FitJson.tensor(node.path("factor")) : null;
        return new Preconditioner(shift, factor, node.path("logAbsDet").asDouble());
    }

    static Map<String, int[]> readShapes(JsonNode node) {
        Map<String, int[]> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            int[] s = new int[e.getValue().size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = e.getValue().get(i).asInt();
            }
            out.put(e.getKey(), s);
        });
        return out;
    }

    /** {@code {name: {"constraint": {...}, "unconstrained": tensor}}}, in registration order. */
    private static ObjectNode store(ParameterStore store, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        for (String name : store.names()) {
            ObjectNode p = node.putObject(name);
            p.set("constraint", constraint(store.constraintOf(name), json));
            p.set("unconstrained", FitJson.tensor(store.unconstrainedValue(name)));
        }
        return node;
    }

    static ParameterStore readStore(JsonNode node) {
        ParameterStore store = new ParameterStore();
        node.fields().forEachRemaining(e -> store.registerUnconstrained(e.getKey(), FitJson.tensor(e.getValue().path("unconstrained")),
                constraint(e.getValue().path("constraint"))));
        return store;
    }

    /** A constraint as {@code {"type": "Interval", "lower": 0.0, "upper": 1.0}} (its record components). */
    static ObjectNode constraint(Constraint c, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("type", c.getClass().getSimpleName());
        try {
            for (RecordComponent rc : c.getClass().getRecordComponents()) {
                Object v = rc.getAccessor().invoke(c);
                if (v instanceof Number n) {
                    node.put(rc.getName(), n.doubleValue());
                } else {
                    throw new IllegalArgumentException("cannot save constraint " + c + ": component " + rc.getName() + " is not a number");
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read constraint " + c, e);
        }
        return node;
    }

    static Constraint constraint(JsonNode node) {
        String type = node.path("type").asText();
        for (Class<?> k : Constraint.class.getPermittedSubclasses()) {
            if (k.getSimpleName().equals(type) && k.isRecord()) {
                RecordComponent[] rcs = k.getRecordComponents();
                Class<?>[] types = new Class<?>[rcs.length];
                Object[] args = new Object[rcs.length];
                for (int i = 0; i < rcs.length; i++) {
                    types[i] = rcs[i].getType();
                    double v = node.path(rcs[i].getName()).asDouble();
                    args[i] = types[i] == int.class ? (Object) (int) v : (Object) v;
                }
                try {
                    return (Constraint) k.getDeclaredConstructor(types).newInstance(args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot rebuild constraint " + node, e);
                }
            }
        }
        throw new IllegalArgumentException("unknown constraint type '" + type + "' in saved fit");
    }
}
