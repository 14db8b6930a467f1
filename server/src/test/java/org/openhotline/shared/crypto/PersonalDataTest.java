package org.openhotline.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealing itself, on a ring of the test's own: never the process's ring, which the shared platform of the
 * @HotlineTest classes in this JVM keeps using meanwhile (its SMS sender and re-encryption run in the background —
 * a ring swapped in here for a moment sealed their rows under keys their key file never held).
 */
class PersonalDataTest {

    @TempDir
    Path dir;
    private DataKeys ring;

    @BeforeEach
    void ring() {
        ring = DataKeys.load(null, dir.resolve("keys/personal-data.keys"));
    }

    @Test
    void sm4MatchesTheStandardsExampleAndSm3TheSm3Standard() {
        // GB/T 32907-2016 appendix A, example 1: one block under the key equal to the plaintext.
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(Hex.toHexString(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        // GB/T 32905-2016 example 1: SM3("abc").
        SM3Digest sm3 = new SM3Digest();
        sm3.update("abc".getBytes(), 0, 3);
        byte[] h = new byte[32];
        sm3.doFinal(h, 0);
        assertThat(Hex.toHexString(h)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sealedValuesCarryTheirKeyAndOpenAfterRotation() {
        String phone = "13912345678";
        String sealed = PersonalData.seal(ring, phone);
        assertThat(sealed).startsWith("ENC1.1.").doesNotContain(phone);
        assertThat(PersonalData.seal(ring, phone)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(PersonalData.open(ring, sealed)).isEqualTo(phone);
        assertThat(PersonalData.open(ring, "13800000000")).as("a row from before encryption").isEqualTo("13800000000");
        assertThat(PersonalData.seal(ring, null)).isNull();

        DataKeys rotated = ring.rotated(dir.resolve("keys/personal-data.keys"));
        String resealed = PersonalData.seal(rotated, phone);
        assertThat(PersonalData.keyOf(resealed)).isEqualTo(2);
        assertThat(PersonalData.open(rotated, sealed)).as("old ciphertexts open during the rotation").isEqualTo(phone);
        DataKeys reread = DataKeys.load(null, dir.resolve("keys/personal-data.keys"));
        assertThat(reread.current()).isEqualTo(2);
        assertThat(reread.key(1)).isEqualTo(ring.key(1));
    }

    @Test
    void anEditedCiphertextIsRefused() {
        String sealed = PersonalData.seal(ring, "幸福路 88 号");
        char last = sealed.charAt(sealed.length() - 3);
        String edited = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> PersonalData.open(ring, edited)).isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> PersonalData.open(ring, sealed.substring(0, sealed.length() - 1)))
                .as("a truncated ciphertext").isInstanceOf(SealBroken.class);
    }

    @Test
    void aValueThatOnlyLooksSealedIsPlaintext() {
        // what a citizen may type as a name, or an old row held: not what seal() writes, so not a ciphertext
        for (String plain : new String[] {"ENC1.87.王", "ENC1.87.abc", "ENC1.", "ENC1.x.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(PersonalData.open(ring, plain)).isEqualTo(plain);
            assertThat(PersonalData.keyOf(plain)).isZero();
            assertThat(PersonalData.open(ring, PersonalData.seal(ring, plain))).as("and sealed like any name").isEqualTo(plain);
        }
    }

    @Test
    void aSecondPlatformInOneProcessUsesTheKeysTheProcessHolds() throws Exception {
        // The @HotlineTest platform and the ones RestartTest, ProvinceCityExchangeTest, … start share one JVM and so
        // one ring (the row mappers reach it statically). Each has its own data directory.
        Path first = dir.resolve("first/keys/personal-data.keys");
        DataKeys process = PersonalData.joined(null, null, first);
        String sealedByFirst = PersonalData.seal(process, "13912345678");

        Path second = dir.resolve("second/keys/personal-data.keys");
        DataKeys joined = PersonalData.joined(process, null, second);
        assertThat(PersonalData.open(joined, sealedByFirst)).as("the first platform's rows still open").isEqualTo("13912345678");
        assertThat(DataKeys.load(null, second).covers(process)).as("and the second's key file can open them after a restart")
                .isTrue();

        // the first rotates; the second restarts on its data directory, whose key file is from before the rotation
        DataKeys rotated = joined.rotated(first);
        String sealedAfter = PersonalData.seal(rotated, "13912345679");
        DataKeys restarted = PersonalData.joined(rotated, null, second);
        assertThat(PersonalData.open(restarted, sealedAfter)).isEqualTo("13912345679");
        assertThat(restarted.current()).isEqualTo(rotated.current());
        assertThat(DataKeys.load(null, second).current()).as("its key file brought up to the ring").isEqualTo(rotated.current());

        // a data directory with keys of its own cannot join: the start fails instead of breaking the other's rows
        Path stranger = dir.resolve("stranger/keys/personal-data.keys");
        DataKeys.load(null, stranger);
        assertThatThrownBy(() -> PersonalData.joined(rotated, null, stranger)).hasMessageContaining("另一套个人数据密钥");
    }

    @Test
    void blindIndexFindsOneCallerWhateverTheNumbersForm() {
        byte[] plain = PersonalData.phoneIndex(ring, "13912345678");
        assertThat(PersonalData.phoneIndex(ring, "+86 139-1234-5678")).isEqualTo(plain);
        assertThat(PersonalData.phoneIndex(ring, "008613912345678")).isEqualTo(plain);
        assertThat(PersonalData.phoneIndex(ring, "13912345679")).isNotEqualTo(plain);
        assertThat(plain).hasSize(16);
        assertThat(PersonalData.phoneIndex(ring, "  ")).isNull();
        assertThat(PersonalData.textIndex(ring, "name", " 张  三 ")).isEqualTo(PersonalData.textIndex(ring, "name", "张 三"));
    }

    @Test
    void anIdentifiersIndexIsExactAndKeptApartByKind() {
        // WeChat openids are case-sensitive: two followers whose openids differ only in case are two followers
        byte[] openid = PersonalData.idIndex(ring, "wechat-openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        assertThat(PersonalData.idIndex(ring, "wechat-openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isEqualTo(openid);
        assertThat(PersonalData.idIndex(ring, "wechat-openid", "oupf8umuajo_m2pxb1q9znjwes6o")).isNotEqualTo(openid);
        assertThat(PersonalData.idIndex(ring, "mail", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isNotEqualTo(openid);
        assertThat(PersonalData.textIndex(ring, "wechat-openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).isNotEqualTo(openid);
        assertThat(openid).hasSize(16);
        assertThat(PersonalData.idIndex(ring, "wechat-openid", "")).isNull();
        assertThat(PersonalData.idIndex(ring, "wechat-openid", null)).isNull();
    }

    @Test
    void theKeyFileIsTheServiceUsersOnlyAndTheEnvironmentWins() throws Exception {
        Path file = dir.resolve("keys/personal-data.keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        DataKeys env = DataKeys.load("current=3;data.3=" + java.util.Base64.getEncoder().encodeToString(new byte[16])
                + ";index=" + java.util.Base64.getEncoder().encodeToString(new byte[32]), dir.resolve("none"));
        assertThat(env.current()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("none"))).isFalse();
        assertThatThrownBy(() -> env.rotated(null)).hasMessageContaining("HOTLINE_DATA_KEYS");
    }
}
