package io.synthlogs.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}, read from the jar manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    static final String FALLBACK = "0.1.0-SNAPSHOT";

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"synthlogs " + (version == null ? FALLBACK : version)};
    }
}
