package io.anyhome.shell.internal;

import org.apache.felix.service.command.Converter;
import org.osgi.dto.DTO;
import org.osgi.service.component.annotations.Component;

/**
 * Lets Gogo print the DTOs our commands return as {@link DtoFormatter#table tables}, in the
 * console and on the control socket alike. Other objects are left to Gogo's own formatting.
 */
@Component(service = Converter.class)
public class DtoConverter implements Converter {
    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof DTO && target.getClass().getName().startsWith("io.anyhome.")
                && level != Converter.PART) {
            return DtoFormatter.table(target);
        }
        return null;
    }
}
