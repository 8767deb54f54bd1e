package io.anyhome.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one subcommand: {@code --name VALUE} options and {@code --flag}s, each known in
 * advance, then (for {@code ctl}) the remaining words. Unknown options are usage errors.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> rest = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code words}; options stop at the first word that is not an option when
     * {@code allowRest}, otherwise such a word is a usage error.
     */
    static Args parse(List<String> words, Set<String> valueOptions, Set<String> flagOptions, boolean allowRest)
            throws UsageException {
        Args args = new Args();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (valueOptions.contains(word)) {
                if (i + 1 >= words.size()) {
                    throw new UsageException(word + " needs a value");
                }
                args.values.put(word, words.get(++i));
            } else if (flagOptions.contains(word)) {
                args.flags.add(word);
            } else if (word.startsWith("-") || !allowRest) {
                throw new UsageException("unknown option or argument: " + word);
            } else {
                args.rest.addAll(words.subList(i, words.size()));
                break;
            }
        }
        return args;
    }

    String value(String option) {
        return values.get(option);
    }

    boolean has(String option) {
        return flags.contains(option) || values.containsKey(option);
    }

    List<String> rest() {
        return rest;
    }
}
