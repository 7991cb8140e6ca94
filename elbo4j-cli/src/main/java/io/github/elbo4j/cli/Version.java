package io.github.elbo4j.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code elbo4j --version}, read from the jar manifest. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"elbo4j " + (v == null ? "(development build)" : v)};
    }
}
