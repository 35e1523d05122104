package dev.keyward.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration for the keyward command when no {@code logback.xml} is given: nothing is
 * logged (OSHI and the JDBC pool would otherwise print debug lines into slmgr's output). {@code
 * keyward authority serve} replaces it with the authority's own configuration: warnings on stderr,
 * everything in {@code <data>/authority.log}.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
