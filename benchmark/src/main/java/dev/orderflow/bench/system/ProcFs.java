package dev.orderflow.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Reads process figures from Linux's /proc: CPU time, RSS, PSS, parent and children. Absent elsewhere. */
final class ProcFs {

    /** Clock ticks per second of /proc/&lt;pid&gt;/stat times; 100 on every Linux architecture Java runs on. */
    static final int TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    /** A process's user + system CPU time in ticks. */
    static OptionalLong cpuTicks(long pid) {
        return read(PROC.resolve(pid + "/stat")).map(ProcFs::cpuTicksOf)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Resident set size in kB ({@code VmRSS} of /proc/&lt;pid&gt;/status). */
    static OptionalLong rssKb(long pid) {
        return read(PROC.resolve(pid + "/status")).map(text -> kbField(text, "VmRSS:")).orElse(OptionalLong.empty());
    }

    /**
     * Proportional set size in kB ({@code Pss} of /proc/&lt;pid&gt;/smaps_rollup): shared pages divided among the
     * processes sharing them, so PostgreSQL's shared buffers count once over all its processes.
     */
    static OptionalLong pssKb(long pid) {
        return read(PROC.resolve(pid + "/smaps_rollup")).map(text -> kbField(text, "Pss:"))
                .orElse(OptionalLong.empty());
    }

    static Optional<Long> parentOf(long pid) {
        return read(PROC.resolve(pid + "/stat")).map(stat -> Long.parseLong(fieldsAfterName(stat)[1]));
    }

    /** {@code pid} and its direct children. */
    static List<Long> withChildren(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(child -> parentOf(child).filter(parent -> parent == pid).isPresent())
                    .forEach(pids::add);
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    /** utime + stime (fields 14 and 15) of a /proc/&lt;pid&gt;/stat line. */
    static long cpuTicksOf(String stat) {
        String[] fields = fieldsAfterName(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * The fields after {@code (comm)}, which may itself hold spaces and parentheses: index 0 is the state (field
     * 3), index 1 the parent pid (field 4).
     */
    static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** A {@code Name:   1234 kB} line's number. */
    static OptionalLong kbField(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                String value = line.substring(name.length()).trim();
                int space = value.indexOf(' ');
                return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
            }
        }
        return OptionalLong.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();    // the process ended, or this is not Linux
        }
    }
}
