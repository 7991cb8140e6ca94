package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sites of one model run, in execution order. Built by {@link TraceHandler}. */
public final class Trace {

    private final Map<String, Site> sites = new LinkedHashMap<>();

    void add(Site s) {
        if (sites.containsKey(s.name())) {
            throw new IllegalArgumentException("site '" + s.name() + "' appears twice in one run of the model; site names must be unique");
        }
        sites.put(s.name(), s);
    }

    /** The site with this name. */
    public Optional<Site> get(String name) {
        return Optional.ofNullable(sites.get(name));
    }

    /** The site with this name, or an error naming it. */
    public Site require(String name) {
        Site s = sites.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no site named '" + name + "' in the trace; sites are " + sites.keySet());
        }
        return s;
    }

    /** All sites in execution order. */
    public List<Site> sites() {
        return Collections.unmodifiableList(new ArrayList<>(sites.values()));
    }

    /** The unobserved sample sites, in execution order. */
    public List<Site> latentSites() {
        return sites.values().stream().filter(Site::isLatent).toList();
    }

    /** The observed sample sites, in execution order. */
    public List<Site> observedSites() {
        return sites.values().stream().filter(Site::isObserved).toList();
    }

    /** The param sites, in execution order. */
    public List<Site> paramSites() {
        return sites.values().stream().filter(s -> s.type() == SiteType.PARAM).toList();
    }

    /**
     * The deepest plate nesting of the run: the largest number of plates around a sample site, or
     * opened inside one another ({@code -dim} of every plate the run opened).
     */
    public int maxPlateNesting() {
        int nesting = 0;
        for (Site s : sites.values()) {
            nesting = Math.max(nesting, s.plates().size());
            if (s.declaredPlate().isPresent()) {
                nesting = Math.max(nesting, -s.declaredPlate().get().dim());
            }
        }
        return nesting;
    }

    /** {@code Σ_sites scale · Σ mask ⊙ log p(value)} over all sample sites, a scalar. */
    public Var logDensity() {
        Var total = Var.constant(0.0);
        for (Site s : sites.values()) {
            if (s.type() == SiteType.SAMPLE) {
                total = total.add(s.logProb().sum());
            }
        }
        return total;
    }
}
