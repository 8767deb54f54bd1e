package io.anyhome.policy.signal.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Registers the {@code signal} policy ({@code policy=signal} in {@code etc/io.anyhome.ifs.cfg})
 * with the settings of {@code etc/io.anyhome.policy.signal.cfg}, defaults when that file is
 * absent; a bad value fails activation with a message naming the key. Delegates to
 * {@link SignalPolicy}.
 */
@Component(service = InterfaceSelectionPolicy.class, configurationPid = "io.anyhome.policy.signal",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=signal")
@Designate(ocd = SignalPolicyComponent.Config.class)
public class SignalPolicyComponent implements InterfaceSelectionPolicy {
    /** The keys of {@code etc/io.anyhome.policy.signal.cfg}, described for the metatype service. */
    @ObjectClassDefinition(name = "anyhome signal policy")
    public @interface Config {
        /** @return weight of signal strength */
        @AttributeDefinition(description = "weight of signal strength (-100 dBm = 0, -50 dBm = 1) in the score, >= 0")
        double weightSignal() default SignalSettings.DEFAULT_WEIGHT_SIGNAL;

        /** @return weight of loss */
        @AttributeDefinition(description = "weight of loss (none = 1, 20 % or more = 0) in the score, >= 0")
        double weightLoss() default SignalSettings.DEFAULT_WEIGHT_LOSS;

        /** @return weight of round-trip time */
        @AttributeDefinition(description = "weight of round-trip time (0 ms = 1, 500 ms or more = 0) in the score, >= 0")
        double weightRtt() default SignalSettings.DEFAULT_WEIGHT_RTT;

        /** @return the score margin */
        @AttributeDefinition(description = "score points (0..100 scale) another uplink must gain over the current one before a switch")
        double hysteresis() default SignalSettings.DEFAULT_HYSTERESIS;

        /** @return the hold-down */
        @AttributeDefinition(description = "milliseconds a decision stays in force before the policy leaves a still usable uplink")
        long holdDownMs() default SignalSettings.DEFAULT_HOLD_DOWN_MS;

        /** @return the weakest acceptable signal */
        @AttributeDefinition(description = "dBm; an uplink with a weaker signal is used only when no stronger one is usable")
        double minSignalDbm() default SignalSettings.DEFAULT_MIN_SIGNAL_DBM;
    }

    private volatile SignalPolicy policy;

    /**
     * @param props the configuration properties
     * @throws IllegalArgumentException naming the key of a bad value
     */
    @Activate
    @Modified
    void configure(Map<String, Object> props) {
        policy = new SignalPolicy(SignalSettings.from(props));
    }

    @Override
    public Decision decide(SelectionContext context) {
        return policy.decide(context);
    }
}
