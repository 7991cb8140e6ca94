package io.github.elbo4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the current API. A
 * block is the body of a method; its {@code import} lines go to the top of the file, and the
 * packages every example may use are imported with wildcards. Names a block uses without
 * declaring them (the data, a model context {@code m}) are declared in an HTML comment just
 * before the block, invisible on the rendered page: {@code <!-- given: Tensor X, Tensor y -->}.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final List<String> IMPORTS = List.of(
            "io.github.elbo4j.amortized.*", "io.github.elbo4j.autodiff.*", "io.github.elbo4j.cavi.conjugate.*",
            "io.github.elbo4j.cavi.gmm.*", "io.github.elbo4j.cavi.lda.*", "io.github.elbo4j.distribution.*", "io.github.elbo4j.distribution.continuous.*",
            "io.github.elbo4j.distribution.discrete.*", "io.github.elbo4j.distribution.multivariate.*",
            "io.github.elbo4j.distribution.kl.*", "io.github.elbo4j.infer.*", "io.github.elbo4j.infer.elbo.*",
            "io.github.elbo4j.infer.guide.*", "io.github.elbo4j.infer.flow.*", "io.github.elbo4j.model.*", "io.github.elbo4j.nn.*",
            "io.github.elbo4j.optim.*",
            "io.github.elbo4j.random.*", "io.github.elbo4j.tensor.*", "io.github.elbo4j.transform.*",
            "io.github.elbo4j.cli.fit.*", "java.nio.file.*", "java.util.*");

    @TempDir
    Path out;

    /** One block of one page: where it starts, the names it is given, its lines. */
    record Snippet(Path page, int line, String given, List<String> lines) {

        String name() {
            return ROOT.relativize(page) + ":" + line;
        }

        /** The block as a compilation unit: imports, then a class whose one method is the block. */
        String source(String className) {
            StringBuilder head = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String l : lines) {
                (l.startsWith("import ") ? head : body).append(l).append('\n');
            }
            StringBuilder s = new StringBuilder();
            for (String i : IMPORTS) {
                s.append("import ").append(i).append(";\n");
            }
            s.append(head);
            s.append("class ").append(className).append(" {\n");
            s.append("    @SuppressWarnings(\"unused\") void run(").append(given).append(") throws Exception {\n");
            s.append(body);
            s.append("    }\n}\n");
            return s.toString();
        }
    }

    static List<Snippet> snippets() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Snippet> found = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                String given = "";
                if (i > 0 && lines.get(i - 1).strip().startsWith("<!-- given:")) {
                    String c = lines.get(i - 1).strip();
                    given = c.substring("<!-- given:".length(), c.length() - "-->".length()).strip();
                }
                int start = i + 1;
                int end = start;
                while (!lines.get(end).strip().equals("```")) {
                    end++;
                }
                found.add(new Snippet(page, start, given, lines.subList(start, end)));
                i = end;
            }
        }
        return found;
    }

    @Test
    void theDocsHaveExamplesToCompile() throws IOException {
        // README's coin and tape, and at least one block in each of the pages that teach the API
        List<String> pages = snippets().stream().map(s -> s.page().getFileName().toString()).distinct().toList();
        assertThat(pages).contains("README.md", "svi.md", "fitting.md", "distributions.md", "autodiff.md", "nn.md");
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
        List<Snippet> all = snippets();
        return all.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> compile(s, "Snippet" + all.indexOf(s))));
    }

    private void compile(Snippet snippet, String className) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String source = snippet.source(className);
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-Xlint:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(file)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    long imports = snippet.lines().stream().filter(l -> l.startsWith("import ")).count();
                    long pageLine = snippet.line() + imports + d.getLineNumber() - lineOfBody(source);
                    errors.append(snippet.page().getFileName()).append(':').append(pageLine).append(": ")
                            .append(d.getMessage(Locale.ROOT)).append('\n');
                }
            }
            assertThat(ok).as("the block at %s does not compile:%n%s", snippet.name(), errors).isTrue();
        }
    }

    /** The line of the generated source where the block's first non-import line sits, less one. */
    private static long lineOfBody(String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" void run(")) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no run method in the generated source");
    }
}
