package io.github.elbo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.cli.fit.BadInputException;
import io.github.elbo4j.cli.fit.CsvTable;
import io.github.elbo4j.cli.fit.FitOutcome;
import io.github.elbo4j.cli.fit.FitOutputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code elbo4j report posterior.json}: redraws the HTML report of a finished fit. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Redraws report.html from a fit's posterior.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the page was written", "1:the page could not be written",
            "2:bad input (a missing or invalid JSON, an existing page without --force, an unwritable --out); nothing written"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "POSTERIOR_JSON", description = "The posterior.json written by elbo4j fit.")
    private Path posterior;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: report.html next to the JSON).")
    private Path out;

    @Option(names = "--force", description = "Overwrite an existing page.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = out != null ? out : posterior.toAbsolutePath().getParent().resolve("report.html");
        try {
            CsvTable.requireReadableFile(posterior, "POSTERIOR_JSON");
            OutputLocation.checkFile(target, "--out", force);
        } catch (BadInputException e) {
            spec.commandLine().getErr().println("elbo4j report: " + e.getMessage());
            return 2;
        }
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(posterior.toFile());
        } catch (IOException e) {
            spec.commandLine().getErr().println("elbo4j report: " + posterior + ": not valid JSON (" + e.getMessage() + ")");
            return 2;
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        FitOutcome outcome;
        try {
            if (doc == null) {
                throw new BadInputException(posterior + ": empty file, not a posterior.json written by elbo4j fit");
            }
            outcome = FitOutputs.read(doc, posterior, provenance);
        } catch (BadInputException e) {
            spec.commandLine().getErr().println("elbo4j report: " + e.getMessage());
            return 2;
        }
        try {
            FitOutputs.report(outcome, provenance).write(target);
        } catch (IOException e) {
            spec.commandLine().getErr().println("elbo4j report: cannot write " + target + " (" + OutputLocation.reason(e) + ")");
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
