package io.github.elbo4j.model;

/**
 * Pushed while a plate's body runs: marks every site inside with the plate's frame and scales
 * its log-density by {@code size / subsampleSize}.
 */
final class PlateHandler implements Handler {

    private final PlateFrame frame;

    PlateHandler(PlateFrame frame) {
        this.frame = frame;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.SAMPLE) {
            msg.addPlate(frame);
            msg.scaleBy((double) frame.size() / frame.subsampleSize());
        }
    }
}
