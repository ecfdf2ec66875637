package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Manage the project's Avro schemas in a schema registry.",
        subcommands = {SchemasRegisterCommand.class})
public final class SchemasCommand {
}
