package dev.journal.core.internal;

/** Averages as ranking formulas use them. */
public final class Averages {

    private Averages() {
    }

    /**
     * An average length rounded to an eighth of an octave (about 9%): BM25's length normalisation
     * does not notice the difference, and one edit among many documents almost never moves it, so
     * an edit leaves the other documents' weights as they were (what lets a long-lived build
     * weigh again only what an edit touched). At least 1.
     */
    public static double rounded(double average) {
        if (!(average > 1)) {
            return 1;
        }
        return StrictMath.pow(2, Math.rint(8 * StrictMath.log(average) / StrictMath.log(2)) / 8);
    }
}
