package dev.orderflow.runtime.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The command-line half of {@link SettingsSources}, the same in every component's command: {@code --config FILE}
 * and repeatable {@code --set key=value}. Mixed into a picocli command with {@code @Mixin}.
 */
public final class SettingsOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file with the settings.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting (repeatable); overrides file and environment.")
    private Map<String, String> explicit = new LinkedHashMap<>();

    /** The properties file, or null when none was given. */
    public Path configFile() {
        return configFile;
    }

    public Map<String, String> explicit() {
        return explicit;
    }
}
