package dev.orderflow.dlq.cli;

import picocli.CommandLine.Option;

/** Dry run by choice, and by default for large selections. */
public final class ConfirmOptions {

    @Option(names = "--dry-run", description = "Show exactly what would happen; change nothing.")
    boolean dryRun;

    @Option(names = "--execute",
            description = "Carry out a selection larger than confirm.above (default 10), which otherwise runs as a "
                    + "dry run.")
    boolean execute;

    /** Whether this run only shows what it would do. */
    public boolean dryRun(int selected, int confirmAbove) {
        return dryRun || (selected > confirmAbove && !execute);
    }

    /** Why the run is a dry run, for the closing line. */
    public String why(int confirmAbove) {
        return dryRun ? "--dry-run" : "more than " + confirmAbove + " records selected; add --execute to carry it out";
    }
}
