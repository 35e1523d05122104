package dev.keyward.authority;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging when the application embedding the authority configured none: warnings to standard error
 * without stack traces, and everything from INFO with stack traces to {@code <data>/authority.log}.
 * Standard output stays for the one "listening on" line.
 */
final class Logging {
  private static boolean done;

  private Logging() {}

  static synchronized void configureIfUnconfigured(Path dataDir) {
    if (done) {
      return;
    }
    done = true;
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)
        || System.getProperty("logback.configurationFile") != null
        || Logging.class.getClassLoader().getResource("logback.xml") != null
        || Logging.class.getClassLoader().getResource("logback-test.xml") != null) {
      return;
    }
    context.reset();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);

    PatternLayoutEncoder brief = new PatternLayoutEncoder();
    brief.setContext(context);
    brief.setPattern("%d{HH:mm:ss} %-5level %logger{0}: %msg%n%nopex");
    brief.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setTarget("System.err");
    console.setEncoder(brief);
    console.addFilter(
        new ch.qos.logback.core.filter.Filter<>() {
          @Override
          public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
            return event.getLevel().isGreaterOrEqual(Level.WARN)
                ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
                : ch.qos.logback.core.spi.FilterReply.DENY;
          }
        });
    console.start();
    root.addAppender(console);

    PatternLayoutEncoder full = new PatternLayoutEncoder();
    full.setContext(context);
    full.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    full.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setFile(dataDir.resolve("authority.log").toAbsolutePath().toString());
    file.setEncoder(full);
    file.start();
    root.addAppender(file);

    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("io.javalin").setLevel(Level.WARN);
    // Javalin reports a failed start itself; the authority says why in one line instead.
    context.getLogger("io.javalin.Javalin").setLevel(Level.OFF);
    context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
  }
}
