import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

public class SealCost {
    static final SecureRandom R = new SecureRandom();
    static byte[] key = new byte[16], ikey = new byte[32];
    static String seal(String s) throws Exception {
        byte[] nonce = new byte[12]; R.nextBytes(nonce);
        GCMBlockCipher g = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        g.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, null));
        byte[] p = s.getBytes("UTF-8"); byte[] out = new byte[12 + g.getOutputSize(p.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        int n = g.processBytes(p, 0, p.length, out, 12); g.doFinal(out, 12 + n);
        return "ENC1.1." + Base64.getEncoder().withoutPadding().encodeToString(out);
    }
    static byte[] mac(String s) throws Exception {
        HMac h = new HMac(new SM3Digest()); h.init(new KeyParameter(ikey));
        byte[] in = s.getBytes("UTF-8"); h.update(in, 0, in.length); byte[] o = new byte[32]; h.doFinal(o, 0); return o;
    }
    public static void main(String[] a) throws Exception {
        R.nextBytes(key); R.nextBytes(ikey);
        int n = 100_000;
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String phone = String.format("138%08d", i), name = "市民" + i + "先生", addr = "东湖区人民路" + i + "号";
                seal(phone); seal(name); seal(addr); mac("phone:" + phone);
                // keyed grams of address + name: ~12 grams each one HMAC
                for (int g = 0; g < 12; g++) mac("gram:" + addr.charAt(g % addr.length()) + name.charAt(g % name.length()));
            }
            double us = (System.nanoTime() - t) / 1e3 / n;
            if (round == 1) System.out.printf("per order (3 SM4-GCM seals + 1 HMAC-SM3 index + 12 keyed grams): %.1f µs; %d cores, load %s%n",
                    us, Runtime.getRuntime().availableProcessors(), new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip());
            t = System.nanoTime();
            for (int i = 0; i < n; i++) mac("phone:" + String.format("139%08d", i));
            if (round == 1) System.out.printf("blind index of one number (HMAC-SM3): %.1f µs%n", (System.nanoTime() - t) / 1e3 / n);
            String s = seal("13912345678");
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                byte[] all = Base64.getDecoder().decode(s.substring(7));
                GCMBlockCipher g = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
                g.init(false, new AEADParameters(new KeyParameter(key), 128, java.util.Arrays.copyOf(all, 12), null));
                byte[] o = new byte[g.getOutputSize(all.length - 12)]; int k = g.processBytes(all, 12, all.length - 12, o, 0); g.doFinal(o, k);
            }
            if (round == 1) System.out.printf("open one sealed number (SM4-GCM): %.1f µs%n", (System.nanoTime() - t) / 1e3 / n);
        }
    }
}
