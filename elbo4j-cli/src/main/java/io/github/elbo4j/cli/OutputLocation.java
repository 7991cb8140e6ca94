package io.github.elbo4j.cli;

import io.github.elbo4j.cli.fit.BadInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks, before any work, that the command can write where it was told to: the folder exists
 * or can be created, no file stands in the way, and a file can be created in it. The check
 * writes a probe and removes it with any folder it created, so a refused run leaves nothing.
 */
final class OutputLocation {

    private OutputLocation() {
    }

    /**
     * Checks that files can be written into folder {@code dir}; {@code option} names the option
     * it came from in messages (e.g. {@code --out}).
     */
    static void checkFolder(Path dir, String option) {
        probe(dir, option + " " + dir + ": ");
    }

    /** Creates what is missing of {@code dir}, writes and removes a probe file, removes what it created. */
    private static void probe(Path dir, String where) {
        Path target = dir.toAbsolutePath().normalize();
        Path existing = target;
        Deque<Path> missing = new ArrayDeque<>();
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing);
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new BadInputException(where + "cannot create the folder (no existing parent)");
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException(where + existing + " is a file, not a folder");
        }
        Deque<Path> created = new ArrayDeque<>();
        try {
            for (Path p : missing) {
                try {
                    Files.createDirectory(p);
                } catch (IOException e) {
                    throw new BadInputException(where + "cannot create folder " + p + " (" + reason(e) + ")");
                }
                created.push(p);
            }
            try {
                Files.delete(Files.createTempFile(target, ".elbo4j-write-check", ".tmp"));
            } catch (IOException e) {
                throw new BadInputException(where + "cannot create files in " + target + " (" + reason(e) + ")");
            }
        } finally {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // an empty folder we made; nothing else to do if it cannot go
                }
            }
        }
    }

    /**
     * Checks that {@code file} can be written: not a folder, not existing unless {@code force},
     * and its folder writable.
     */
    static void checkFile(Path file, String option, boolean force) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + " " + file + ": is a folder; give a file name");
        }
        if (!force && Files.exists(file)) {
            throw new BadInputException(file + " exists; use --force to overwrite");
        }
        probe(file.toAbsolutePath().normalize().getParent(), option + " " + file + ": ");
    }

    /** What went wrong, in the operating system's words where there are any. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file system has no such path";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
