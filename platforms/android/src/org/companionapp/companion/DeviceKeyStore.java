// The Android Keystore key that seals Companion's key file (docs/adr/0020): AES-256-GCM,
// generated inside the Keystore (StrongBox where the phone has one, else the TEE) and never
// exportable. The key file holds the database key already wrapped by the passphrase, so
// nothing passed through here is a plaintext secret; what the seal adds is that a copy of the
// file is useless without this phone. Called from C++ (src/platform/android/androidkeystore.cpp).
//
// Sealed layout: 1 byte IV length | IV | ciphertext with the 16-byte GCM tag. The associated
// data is authenticated, so a blob cannot be reused for another purpose.
//
// Not bound to user authentication by default: Android permanently invalidates such keys when
// the screen lock is removed or biometrics change, which would lock the person out of their own
// diary; the passphrase is the user authentication. A deployment that wants it sets
// REQUIRE_USER_AUTHENTICATION (and then must unlock the key with BiometricPrompt first).
// Not built on the Linux CI machine (needs the Android SDK and Qt for Android).
package org.companionapp.companion;

import android.os.Build;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import android.security.keystore.StrongBoxUnavailableException;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public final class DeviceKeyStore {
    private static final String PROVIDER = "AndroidKeyStore";
    private static final String ALIAS = "companion.key-file-seal.v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    static final boolean REQUIRE_USER_AUTHENTICATION = false;

    private DeviceKeyStore() {}

    public static boolean isAvailable() {
        try {
            KeyStore.getInstance(PROVIDER).load(null);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public static synchronized byte[] seal(byte[] plain, byte[] associatedData)
            throws Exception {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        // The Keystore picks a fresh random IV (randomized encryption is required).
        cipher.init(Cipher.ENCRYPT_MODE, key(true));
        cipher.updateAAD(associatedData);
        byte[] iv = cipher.getIV();
        byte[] body = cipher.doFinal(plain);
        byte[] sealed = new byte[1 + iv.length + body.length];
        sealed[0] = (byte) iv.length;
        System.arraycopy(iv, 0, sealed, 1, iv.length);
        System.arraycopy(body, 0, sealed, 1 + iv.length, body.length);
        return sealed;
    }

    public static synchronized byte[] unseal(byte[] sealed, byte[] associatedData)
            throws Exception {
        if (sealed.length < 1)
            throw new GeneralSecurityException("empty");
        int ivLength = sealed[0] & 0xff;
        if (ivLength < 12 || sealed.length < 1 + ivLength + TAG_BITS / 8)
            throw new GeneralSecurityException("truncated");
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key(false),
                new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + ivLength)));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, 1 + ivLength, sealed.length - 1 - ivLength);
    }

    private static SecretKey key(boolean create) throws Exception {
        KeyStore store = KeyStore.getInstance(PROVIDER);
        store.load(null);
        Key existing = store.getKey(ALIAS, null);
        if (existing instanceof SecretKey)
            return (SecretKey) existing;
        if (!create)
            throw new GeneralSecurityException("no device key (another phone or a reinstall)");
        if (Build.VERSION.SDK_INT >= 28) {
            try {
                return generate(true);
            } catch (StrongBoxUnavailableException e) {
                // No secure element on this phone: the TEE-backed key below.
            }
        }
        return generate(false);
    }

    private static SecretKey generate(boolean strongBox) throws Exception {
        KeyGenParameterSpec.Builder spec = new KeyGenParameterSpec.Builder(ALIAS,
                KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .setRandomizedEncryptionRequired(true)
                .setUserAuthenticationRequired(REQUIRE_USER_AUTHENTICATION);
        if (strongBox && Build.VERSION.SDK_INT >= 28)
            spec.setIsStrongBoxBacked(true);
        KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES,
                PROVIDER);
        generator.init(spec.build());
        return generator.generateKey();
    }
}
