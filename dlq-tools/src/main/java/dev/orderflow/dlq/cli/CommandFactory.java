package dev.orderflow.dlq.cli;

import picocli.CommandLine;

/** Creates commands with the run's {@link OpsContext}; picocli asks it for every command, mixin and converter. */
public final class CommandFactory implements CommandLine.IFactory {

    private final OpsContext context;

    public CommandFactory(OpsContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            var constructor = type.getDeclaredConstructor(OpsContext.class);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
