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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTest {

    @TempDir
    Path dir;
    private DataKeys before;

    @BeforeEach
    void ring() {
        try {
            before = PersonalData.keys();
        } catch (IllegalStateException none) {
            before = null;
        }
        PersonalData.install(DataKeys.load(null, dir.resolve("keys/personal-data.keys")));
    }

    @AfterEach
    void restore() {
        PersonalData.install(before);
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
        String sealed = PersonalData.seal(phone);
        assertThat(sealed).startsWith("ENC1.1.").doesNotContain(phone);
        assertThat(PersonalData.seal(phone)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(PersonalData.open(sealed)).isEqualTo(phone);
        assertThat(PersonalData.open("13800000000")).as("a row from before encryption").isEqualTo("13800000000");
        assertThat(PersonalData.seal(null)).isNull();

        PersonalData.install(PersonalData.keys().rotated());
        String resealed = PersonalData.seal(phone);
        assertThat(PersonalData.keyOf(resealed)).isEqualTo(2);
        assertThat(PersonalData.open(sealed)).as("old ciphertexts open during the rotation").isEqualTo(phone);
        DataKeys reread = DataKeys.load(null, dir.resolve("keys/personal-data.keys"));
        assertThat(reread.current()).isEqualTo(2);
        assertThat(reread.key(1)).isEqualTo(PersonalData.keys().key(1));
    }

    @Test
    void anEditedCiphertextIsRefused() {
        String sealed = PersonalData.seal("幸福路 88 号");
        char last = sealed.charAt(sealed.length() - 3);
        String edited = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> PersonalData.open(edited)).isInstanceOf(SealBroken.class);
    }

    @Test
    void blindIndexFindsOneCallerWhateverTheNumbersForm() {
        byte[] plain = PersonalData.phoneIndex("13912345678");
        assertThat(PersonalData.phoneIndex("+86 139-1234-5678")).isEqualTo(plain);
        assertThat(PersonalData.phoneIndex("008613912345678")).isEqualTo(plain);
        assertThat(PersonalData.phoneIndex("13912345679")).isNotEqualTo(plain);
        assertThat(plain).hasSize(16);
        assertThat(PersonalData.phoneIndex("  ")).isNull();
        assertThat(PersonalData.textIndex("name", " 张  三 ")).isEqualTo(PersonalData.textIndex("name", "张 三"));
    }

    @Test
    void theKeyFileIsTheServiceUsersOnlyAndTheEnvironmentWins() throws Exception {
        Path file = dir.resolve("keys/personal-data.keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        DataKeys env = DataKeys.load("current=3;data.3=" + java.util.Base64.getEncoder().encodeToString(new byte[16])
                + ";index=" + java.util.Base64.getEncoder().encodeToString(new byte[32]), dir.resolve("none"));
        assertThat(env.current()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("none"))).isFalse();
        assertThatThrownBy(env::rotated).hasMessageContaining("HOTLINE_DATA_KEYS");
    }
}
