package dev.spinlab.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario directory's {@code spinlab.yaml}: the same settings as {@code run}'s flags, so a
 * scenario can be run by naming its directory. Every flag has a key; flags given on the
 * command line win. Paths are relative to the directory.
 *
 * <pre>
 * modules: [hello.c]            # kernel modules, loaded in order
 * programs: ["a:test.c", "b:test.c"]
 * cpus: 1
 * preempt: voluntary            # none | voluntary | full
 * seed: 1
 * max-time: 60                  # seconds of simulated time
 * start-interval: 5             # seconds between the starts of successive programs
 * defines: ["DEBUG=1"]          # as -D
 * undefines: []                 # as -U
 * include: [include]            # as -I
 * irq: ["5:3"]                  # as --irq: a device raising irq 5 three times
 * lockdep: on                   # on | off (--no-lockdep) | all (--lockdep-all)
 * rx: 3                         # as --rx: eth0 receives three echo requests
 * probe: [icmp_rcv]             # as --probe
 * </pre>
 */
public record Manifest(
        List<String> modules,
        List<String> programs,
        Integer cpus,
        String preempt,
        Long seed,
        @JsonProperty("max-time") Double maxTime,
        @JsonProperty("start-interval") Double startInterval,
        @JsonProperty("max-steps") Long maxSteps,
        List<String> defines,
        List<String> undefines,
        List<String> include,
        List<String> irq,
        String lockdep,
        Integer rx,
        List<String> probe,
        String description) {

    public static final String FILE = "spinlab.yaml";

    /** Reads DIR/spinlab.yaml; a bad key or value is a user error with the file named. */
    public static Manifest load(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(dir + ": not a scenario directory (no " + FILE + ")");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Manifest m = yaml.readValue(f.toFile(), Manifest.class);
            return m == null ? empty() : m;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(f + ":" + e.getLocation().getLineNr() + ": unknown key '"
                    + e.getPropertyName() + "' (known: modules, programs, cpus, preempt, seed, max-time, "
                    + "start-interval, max-steps, defines, undefines, include, irq, lockdep, rx, probe, description)");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            // a value of the wrong type: say which key and what it takes, in our words
            String key = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
            throw new IllegalArgumentException(f + ":" + line(e) + ": key '" + key + "': expected "
                    + expected(e.getTargetType()) + (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException ife
                            ? ", got '" + ife.getValue() + "'" : ""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // YAML that does not parse: the parser's own line and reason, without Java names
            String why = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage().split("\n")[0];
            throw new IllegalArgumentException(f + ":" + line(e) + ": not valid YAML: " + why);
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": " + e.getMessage());
        }
    }

    private static int line(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list, e.g. [a, b]";
        }
        if (type == String.class) {
            return "a word or quoted text";
        }
        return "a mapping of keys to values";
    }

    static Manifest empty() {
        return new Manifest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
