import { describe, expect, test } from "vitest";
import { cleanFileName, formatFileSize } from "./message-attachment";

describe("an attachment's name", () => {
  test("loses its folders, control and direction marks, and ends in the extension of what it is", () => {
    expect(cleanFileName("C:\\Users\\an\\Báo cáo.pdf", "application/pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(cleanFileName("hoa\u202Egnp.exe", "image/png")).toBe("hoagnp.exe.png");
    expect(cleanFileName("a\u0000b\nc.PDF", "application/pdf")).toBe("abc.pdf");
    expect(cleanFileName("ảnh.jpg", "image/jpeg")).toBe("ảnh.jpg");
    expect(cleanFileName("ảnh.jpeg", "image/webp")).toBe("ảnh.jpeg.webp");
  });

  test("is never empty or hidden, and is capped", () => {
    expect(cleanFileName("", "application/pdf")).toBe("file.pdf");
    expect(cleanFileName(".pdf", "application/pdf")).toBe("pdf.pdf");
    expect(cleanFileName("...", "image/png")).toBe("file.png");
    expect(Array.from(cleanFileName(`${"ệ".repeat(300)}.pdf`, "application/pdf"))).toHaveLength(104);
  });

  test("has a size for people", () => {
    expect(formatFileSize("vi", 2_500_000)).toBe("2,4 MB");
    expect(formatFileSize("en", 300)).toBe("1 KB");
  });
});
