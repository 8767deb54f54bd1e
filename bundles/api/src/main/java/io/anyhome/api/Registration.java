package io.anyhome.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a registration method (such as {@code Platform.monitor}) returns: closing it ends the
 * registration. Closing twice is harmless. Unlike {@link AutoCloseable}, closing never throws a
 * checked exception, so it fits try-with-resources and deactivate methods alike.
 *
 * <p>Implemented by the service that accepted the registration.
 */
@ProviderType
public interface Registration extends AutoCloseable {
    /** Ends the registration; no callback starts after this returns. */
    @Override
    void close();
}
