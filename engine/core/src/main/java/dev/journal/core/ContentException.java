package dev.journal.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The sources cannot be built: carries every error found (not only the first), sorted by file and
 * line, plus the warnings seen on the way.
 */
public final class ContentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ContentException(List<Problem> problems) {
        super(summary(problems));
        // the same problem found twice (a link used a thousand times on one line) is said once
        this.problems = problems.stream().distinct().sorted(Problem.ORDER).toList();
    }

    /** Every problem, errors and warnings, sorted by file and line. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).distinct().count();
        return errors + (errors == 1 ? " error" : " errors") + " in the content:\n"
                + problems.stream().filter(Problem::isError).distinct().sorted(Problem.ORDER)
                        .map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
