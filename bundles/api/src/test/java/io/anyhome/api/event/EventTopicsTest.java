package io.anyhome.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTopicsTest {
    private static List<String> constants(Class<?> c) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field f : c.getFields()) {
            values.add((String) f.get(null));
        }
        return values;
    }

    @Test
    void givenTheTopicConstants_whenChecked_thenEachIsAnAreaAndAnUpperCaseEventAndUnique() throws Exception {
        List<String> topics = constants(EventTopics.class);
        topics.remove(EventTopics.PREFIX);
        topics.remove(EventTopics.ALL);

        assertThat(topics).hasSizeGreaterThan(15).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("io/anyhome/(nic|ifs|ra|path|mip|ha|vi|node)/[A-Z][A-Z_]*"));
    }

    @Test
    void givenThePropertyNames_whenChecked_thenTheyAreUniqueCamelCaseNames() throws Exception {
        assertThat(constants(EventProperties.class)).doesNotHaveDuplicates()
                .allMatch(p -> p.matches("[a-z][A-Za-z]*"));
    }
}
