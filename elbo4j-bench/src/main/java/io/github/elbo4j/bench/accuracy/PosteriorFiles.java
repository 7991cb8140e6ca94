package io.github.elbo4j.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The committed files of one reference posterior, on the class path under
 * {@code posteriors/<name>/}: {@code model.stan}, {@code data.json} and {@code reference.json},
 * all written by {@code posteriors/make_references.R}.
 *
 * @param name the posterior's directory name, e.g. {@code eight_schools_noncentered}
 */
record PosteriorFiles(String name) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The data Stan was given. */
    JsonNode data() {
        return readJson("data.json");
    }

    /** The reference summary, diagnostics and log-density check points. */
    JsonNode reference() {
        return readJson("reference.json");
    }

    /** The Stan program, as text. */
    String stanModel() {
        try (InputStream in = open("model.stan")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path("model.stan"), e);
        }
    }

    private JsonNode readJson(String file) {
        try (InputStream in = open(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + path(file), e);
        }
    }

    private InputStream open(String file) {
        InputStream in = PosteriorFiles.class.getResourceAsStream(path(file));
        if (in == null) {
            throw new IllegalArgumentException("no resource " + path(file) + ": is '" + name
                    + "' a directory of posteriors/ with its make_references.R output?");
        }
        return in;
    }

    private String path(String file) {
        return "/posteriors/" + name + "/" + file;
    }
}
