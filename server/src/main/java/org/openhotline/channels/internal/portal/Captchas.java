package org.openhotline.channels.internal.portal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arithmetic captchas (算术验证码): a sum or difference drawn as a noisy PNG, answered once within five minutes. The
 * server keeps the answer; a captcha is spent by the first attempt, right or wrong, so a guess costs a new captcha.
 */
@Component
class Captchas {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    public record Captcha(UUID id, String image) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Captchas(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Captcha issue() {
        int a = 1 + random.nextInt(19);
        int b = 1 + random.nextInt(9);
        boolean plus = random.nextBoolean() || a < b;
        int answer = plus ? a + b : a - b;
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("delete from ch_captcha where expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("insert into ch_captcha (id, answer, expires_at) values (?, ?, ?)")
                .params(id, answer, Timestamp.from(now.plus(LIFETIME))).update();
        return new Captcha(id, "data:image/png;base64," + Base64.getEncoder().encodeToString(png(a + (plus ? " + " : " - ") + b + " = ?")));
    }

    /** Spends the captcha (in its own transaction, so a failed request still spends it); throws unless answered right. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
    public void verify(UUID id, Integer answer) {
        spend(id, answer);
    }

    /**
     * {@link #verify} inside the caller's gate transaction (one that commits even when the request is refused). One
     * statement: the row is marked used only where it was not, so of two requests with the same captcha — on one node
     * or two — the second waits for the first's row lock and then finds it used.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DomainException.class)
    public void spend(UUID id, Integer answer) {
        if (id == null || answer == null) {
            throw DomainException.badRequest("请填写图形验证码");
        }
        Integer expected = jdbc.sql("""
                update ch_captcha set used = true where id = ? and not used and expires_at >= ? returning answer""")
                .params(id, Timestamp.from(clock.instant())).query(Integer.class).optional().orElse(null);
        if (expected == null) {
            throw DomainException.badRequest("图形验证码已失效，请刷新后重新输入").with("code", "captcha-expired");
        }
        if (expected.intValue() != answer.intValue()) {
            throw DomainException.badRequest("图形验证码计算结果不正确，请刷新后重新输入").with("code", "captcha-wrong");
        }
    }

    private byte[] png(String text) {
        BufferedImage img = new BufferedImage(140, 44, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(245, 247, 250));
            g.fillRect(0, 0, 140, 44);
            for (int i = 0; i < 6; i++) {
                g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
                g.setStroke(new BasicStroke(1 + random.nextInt(2)));
                g.drawLine(random.nextInt(140), random.nextInt(44), random.nextInt(140), random.nextInt(44));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            int x = 8;
            for (char c : text.toCharArray()) {
                g.setColor(new Color(20 + random.nextInt(80), 40 + random.nextInt(80), 90 + random.nextInt(100)));
                AffineTransform saved = g.getTransform();
                g.rotate((random.nextDouble() - 0.5) * 0.5, x, 30);
                g.drawString(String.valueOf(c), x, 28 + random.nextInt(6));
                g.setTransform(saved);
                x += c == ' ' ? 6 : 14;
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
