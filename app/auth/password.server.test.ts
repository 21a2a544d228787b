import { describe, expect, test } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";

describe("hashPassword", () => {
  test("uses argon2id at 19 MiB, 2 iterations, 1 lane (the OWASP / Lucia parameters)", async () => {
    const hash = await hashPassword("correct horse battery staple");
    // PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash; a weaker setting would show here.
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    const [, , , , salt, digest] = hash.split("$");
    // 16-byte salt and 32-byte output, base64 without padding.
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(digest ?? "", "base64")).toHaveLength(32);
  });

  test("salts every hash: the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "same password")).toBe(true);
    expect(await verifyPassword(b, "same password")).toBe(true);
  });

  test("never contains the password", async () => {
    const hash = await hashPassword("plaintext-secret-1234");
    expect(hash).not.toContain("plaintext-secret-1234");
    expect(hash).not.toContain(Buffer.from("plaintext-secret-1234").toString("base64").replace(/=+$/, ""));
  });
});

describe("verifyPassword", () => {
  test("accepts the right password and refuses near misses", async () => {
    const hash = await hashPassword("Mật khẩu đúng 123");
    expect(await verifyPassword(hash, "Mật khẩu đúng 123")).toBe(true);
    // Without diacritics, another case, a trailing space, empty: all different passwords.
    for (const wrong of ["Mat khau dung 123", "mật khẩu đúng 123", "Mật khẩu đúng 123 ", ""]) {
      expect(await verifyPassword(hash, wrong), wrong).toBe(false);
    }
  });

  test("compares Unicode by bytes: NFC and NFD spellings are different passwords", async () => {
    // Documents current behaviour: no normalization happens before hashing.
    const nfc = "Việt".normalize("NFC");
    const hash = await hashPassword(nfc);
    expect(await verifyPassword(hash, nfc)).toBe(true);
    expect(await verifyPassword(hash, nfc.normalize("NFD"))).toBe(false);
  });

  test("returns false instead of throwing on a malformed or empty hash", async () => {
    const valid = await hashPassword("pw");
    const malformed = [
      "",
      "not a hash",
      "$argon2id$",
      "$2b$10$abcdefghijklmnopqrstuuJrPzPqRLVyLp6F1b6oE5YQ4vG9x1uHe", // bcrypt
      valid.slice(0, -10), // truncated digest
      valid.replace("$argon2id$", "$argon2x$"),
    ];
    for (const hash of malformed) {
      await expect(verifyPassword(hash, "pw"), JSON.stringify(hash)).resolves.toBe(false);
    }
  });

  test("refuses a hash whose digest was tampered with", async () => {
    const hash = await hashPassword("pw");
    const last = hash.at(-2) === "A" ? "B" : "A";
    const tampered = `${hash.slice(0, -2)}${last}${hash.at(-1)}`;
    expect(tampered).not.toBe(hash);
    expect(await verifyPassword(tampered, "pw")).toBe(false);
  });
});

describe("dummyPasswordHash", () => {
  test("is a real argon2id hash with the same cost, computed once", async () => {
    // Same parameters as real hashes, so verifying against it costs the same time.
    const first = dummyPasswordHash();
    expect(dummyPasswordHash()).toBe(first); // the same promise: hashed once per process
    const hash = await first;
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(hash, "")).toBe(false);
    expect(await verifyPassword(hash, "dummy-")).toBe(false);
  });
});
