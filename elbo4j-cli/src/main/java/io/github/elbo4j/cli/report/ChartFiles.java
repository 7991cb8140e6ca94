package io.github.elbo4j.cli.report;

import io.github.elbo4j.cli.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes XChart charts as PNG and SVG, each whole or not at all, after {@link Charts#finish}. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** The PNG bytes of {@code chart}. */
    public static byte[] png(Chart<?, ?> chart) throws IOException {
        finish(chart);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}; returns the PNG bytes. */
    public static byte[] save(Chart<?, ?> chart, Path dir, String name) throws IOException {
        byte[] png = png(chart); // finishes the chart, so the SVG below has the same axes and legend
        AtomicFile.write(dir.resolve(name + ".png"), png);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + name, ".svg.part");
        try {
            // VectorGraphicsEncoder appends the extension itself: strip ours and let it write "tmp.svg".
            String base = tmp.toString().substring(0, tmp.toString().length() - ".svg.part".length()) + ".tmpsvg";
            VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Path written = Path.of(base + ".svg");
            Files.move(written, dir.resolve(name + ".svg"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return png;
    }

    private static void finish(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            Charts.finish(xy);
        }
    }
}
