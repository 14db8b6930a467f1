package org.openhotline.reporting.internal.periodic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Bar charts as PNG for the .docx, drawn with Java2D (headless; no chart library): a title, one bar per label with
 * its value, and optional target marks. Chinese labels need a CJK font on the machine (Debian: fonts-wqy-microhei
 * or fonts-noto-cjk); the first one found is used.
 */
final class ReportCharts {

    static final int WIDTH = 1200;
    static final int HEIGHT = 560;
    private static final Color BAR = new Color(0x1769d1);
    private static final Color TARGET = new Color(0xe6a23c);
    private static final String FONT = Arrays.stream(new String[] {"Noto Sans CJK SC", "WenQuanYi Micro Hei",
                    "WenQuanYi Zen Hei", "Source Han Sans SC", "SimSun"})
            .filter(f -> Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .contains(f))
            .findFirst().orElse(Font.SANS_SERIF);

    private ReportCharts() {}

    /** {@code targets} may be null, or hold nulls for bars without a target. */
    static byte[] bars(String title, List<String> labels, List<? extends Number> values, List<? extends Number> targets,
                       String unit) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x303133));
        g.setFont(new Font(FONT, Font.BOLD, 26));
        g.drawString(title, 40, 44);
        int left = 80, right = WIDTH - 30, top = 80, bottom = HEIGHT - 120;
        double max = 1;
        for (int i = 0; i < values.size(); i++) {
            max = Math.max(max, values.get(i) == null ? 0 : values.get(i).doubleValue());
            if (targets != null && targets.get(i) != null) {
                max = Math.max(max, targets.get(i).doubleValue());
            }
        }
        max *= 1.1;
        g.setFont(new Font(FONT, Font.PLAIN, 16));
        g.setColor(new Color(0xdcdfe6));
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            g.drawLine(left, y, right, y);
            g.drawString(format(max * t / 4) + unit, 6, y + 5);
        }
        int n = Math.max(values.size(), 1);
        double slot = (right - left) / (double) n;
        int bar = (int) Math.min(60, slot * 0.6);
        for (int i = 0; i < values.size(); i++) {
            int x = (int) (left + slot * i + (slot - bar) / 2);
            double v = values.get(i) == null ? 0 : values.get(i).doubleValue();
            int h = (int) ((bottom - top) * v / max);
            g.setColor(BAR);
            g.fillRect(x, bottom - h, bar, h);
            g.setColor(new Color(0x303133));
            g.drawString(values.get(i) == null ? "—" : format(v), x, bottom - h - 6);
            if (targets != null && targets.get(i) != null) {
                int ty = bottom - (int) ((bottom - top) * targets.get(i).doubleValue() / max);
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(3));
                g.drawLine(x - 6, ty, x + bar + 6, ty);
                g.setStroke(new BasicStroke(1));
            }
            drawLabel(g, labels.get(i), x + bar / 2, bottom + 8);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Labels turned 35° so that a dozen long names fit under their bars. */
    private static void drawLabel(Graphics2D g, String label, int x, int y) {
        var saved = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.toRadians(35));
        g.setColor(new Color(0x606266));
        g.drawString(label.length() > 10 ? label.substring(0, 10) + "…" : label, 0, 12);
        g.setTransform(saved);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
