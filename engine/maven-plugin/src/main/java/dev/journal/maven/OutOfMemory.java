package dev.journal.maven;

import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/** What a goal says when Maven's JVM runs out of memory, in place of a stack trace. */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /** The failure to throw, with the heap Maven's JVM had and a larger one to try. */
    static MojoExecutionException failure(String goal) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return new MojoExecutionException(String.format(Locale.ROOT, "Out of memory: the journal's %s needs more than"
                + " the %,d MB Maven's Java runtime may use. Give it more, for example MAVEN_OPTS=-Xmx%dg.", goal, mb,
                Math.max(2, (2 * mb >> 10) + 1)));
    }
}
