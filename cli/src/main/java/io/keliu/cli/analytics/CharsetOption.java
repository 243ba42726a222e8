package io.keliu.cli.analytics;

import picocli.CommandLine.Option;

import java.nio.charset.Charset;

/** {@code --charset}: the encoding of every input file of a command. */
final class CharsetOption {

    @Option(names = "--charset", defaultValue = "UTF-8", paramLabel = "NAME",
            description = "Encoding of the input files: UTF-8, GBK, GB18030, … (default: ${DEFAULT-VALUE}).")
    Charset charset;
}
