package dev.journal.core;

import java.util.List;

/**
 * What a content check found.
 *
 * @param documents content files read
 * @param cached    of those, the files whose article was read from the build cache rather than parsed
 * @param problems  every error and warning, sorted by file and line
 */
public record CheckResult(int documents, int cached, List<Problem> problems) {

    public CheckResult {
        problems = problems.stream().sorted(Problem.ORDER).distinct().toList();
    }

    /** A result of a check that parsed every file. */
    public CheckResult(int documents, List<Problem> problems) {
        this(documents, 0, problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** {@code Checked 12 documents: no errors, 1 warning}, as the command line and Maven say it. */
    public String summary() {
        return "Checked " + Counted.of(documents, "document") + ": " + Counted.orNo(errors().size(), "error") + ", "
                + Counted.orNo(warnings().size(), "warning");
    }
}
