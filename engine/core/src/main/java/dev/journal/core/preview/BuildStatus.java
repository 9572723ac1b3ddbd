package dev.journal.core.preview;

import dev.journal.core.Problem;
import java.util.List;

/**
 * Where the preview stands: which good build is served, and what stops the next one.
 *
 * @param generation how many builds succeeded; the site served is the last of them (0: none yet)
 * @param building   whether a build is running
 * @param errors     the errors of the last build when it failed (the overlay shows them), else empty
 * @param warnings   the warnings of the last build
 */
public record BuildStatus(long generation, boolean building, List<Problem> errors, List<Problem> warnings) {

    public BuildStatus {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static final BuildStatus INITIAL = new BuildStatus(0, true, List.of(), List.of());

    public boolean failed() {
        return !errors.isEmpty();
    }
}
