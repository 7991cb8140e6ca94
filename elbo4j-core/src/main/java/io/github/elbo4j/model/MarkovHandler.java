package io.github.elbo4j.model;

/**
 * Pushed while {@link ModelContext#markov} runs its steps: marks every sample site with the
 * current step, so that enumeration can give the sites of step {@code t} the axes of step
 * {@code t - 2} ({@link EnumerateHandler}) and elimination can tell them apart.
 */
final class MarkovHandler implements Handler {

    private int step;

    void step(int t) {
        this.step = t;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.SAMPLE) {
            msg.setMarkovStep(step);
        }
    }
}
