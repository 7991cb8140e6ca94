package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GaussianTargetTest {

    static final double[] MU = {1.0, -2.0, 0.5, 3.0};
    static final double[][] COV = {
        {2.0, 0.6, -0.3, 0.1},
        {0.6, 1.0, 0.2, 0.0},
        {-0.3, 0.2, 0.5, -0.1},
        {0.1, 0.0, -0.1, 1.5}};

    static Model gaussian() {
        return m -> m.sample("z", MultivariateNormal.ofCovariance(Tensor.of(MU), Tensor.of(COV)));
    }

    @Test
    void explore() {
        PathfinderFit r = Pathfinder.of(gaussian()).paths(1).seed(3).run();
        PathResult p = r.paths().get(0);
        System.out.println("iters " + p.iterations() + " status " + p.lbfgsStatus() + " chosen " + p.chosenIterate()
                + " elbo " + java.util.Arrays.toString(p.elboPerIterate()));
        System.out.println(java.util.Arrays.toString(p.approximation().mean()));
        for (double[] row : p.approximation().covariance()) {
            System.out.println(java.util.Arrays.toString(row));
        }
        System.out.println("khat " + r.paretoK() + " grads " + r.gradientEvaluations());
        r.summary().forEach(System.out::println);
        System.out.println(r.fit().verdict());
    }
}
