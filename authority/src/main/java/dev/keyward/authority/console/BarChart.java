package dev.keyward.authority.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar chart of counts per day, drawn server-side as inline SVG (no script, no external
 * asset). The same numbers are on the page as a table for screen readers and copying.
 *
 * @param title what the chart shows, also its accessible name
 * @param days the days shown, oldest first
 * @param series the series' names (channels, error codes), in the legend's order
 * @param counts {@code counts[day][series]}
 */
public record BarChart(String title, List<LocalDate> days, List<String> series, long[][] counts) {
  private static final String[] COLOURS = {
    "#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7b83", "#57606a"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;
  private static final int LEFT = 40;
  private static final int BOTTOM = 24;
  private static final int TOP = 10;

  /** A chart of {@code dayCount} days ending with {@code lastDay}, all counts zero. */
  public static BarChart empty(String title, LocalDate lastDay, int dayCount, List<String> series) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = dayCount - 1; i >= 0; i--) {
      days.add(lastDay.minusDays(i));
    }
    return new BarChart(title, days, List.copyOf(series), new long[dayCount][series.size()]);
  }

  /** Adds {@code n} to the count of a day (days since the epoch) and series, if shown. */
  public void add(long epochDay, int seriesIndex, long n) {
    int d = (int) (epochDay - days.get(0).toEpochDay());
    if (d >= 0 && d < days.size() && seriesIndex >= 0 && seriesIndex < series.size()) {
      counts[d][seriesIndex] += n;
    }
  }

  public long total(int seriesIndex) {
    long sum = 0;
    for (long[] day : counts) {
      sum += day[seriesIndex];
    }
    return sum;
  }

  public long total() {
    long sum = 0;
    for (int s = 0; s < series.size(); s++) {
      sum += total(s);
    }
    return sum;
  }

  /** The series with a non-zero total (the table and the legend list only these). */
  public List<Integer> shownSeries() {
    List<Integer> shown = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      if (total(s) > 0) {
        shown.add(s);
      }
    }
    return shown;
  }

  public String colour(int seriesIndex) {
    return COLOURS[seriesIndex % COLOURS.length];
  }

  /** The chart as an {@code <svg>} element. */
  public String svg() {
    long max = 1;
    for (long[] day : counts) {
      long sum = 0;
      for (long n : day) {
        sum += n;
      }
      max = Math.max(max, sum);
    }
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double barWidth = (WIDTH - LEFT - 10) / (double) days.size();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(title + ": " + total() + " in " + days.size() + " days"))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    svg.append(line(LEFT, TOP + plotHeight, WIDTH - 10, TOP + plotHeight));
    svg.append(text(LEFT - 6, TOP + 10, "end", Long.toString(max)));
    svg.append(text(LEFT - 6, TOP + plotHeight, "end", "0"));
    for (int d = 0; d < days.size(); d++) {
      double x = LEFT + d * barWidth + 1;
      double y = TOP + plotHeight;
      for (int s = 0; s < series.size(); s++) {
        long n = counts[d][s];
        if (n == 0) {
          continue;
        }
        double h = n * plotHeight / max;
        y -= h;
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                x,
                y,
                Math.max(1, barWidth - 2),
                h,
                colour(s),
                escape(days.get(d) + " " + series.get(s) + ": " + n)));
      }
      if (d % 7 == 0 || (d == days.size() - 1 && d % 7 > 3)) {
        svg.append(
            text(x + barWidth / 2, HEIGHT - 6, "middle", days.get(d).toString().substring(5)));
      }
    }
    return svg.append("</svg>").toString();
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        java.util.Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#57606a\"/>",
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(double x, double y, String anchor, String s) {
    return String.format(
        java.util.Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#24292f\">%s</text>",
        x,
        y,
        anchor,
        escape(s));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
