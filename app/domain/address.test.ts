import { describe, expect, test } from "vitest";
import { fullAddress, mapSearchUrl, phoneNumbers } from "./address";

describe("addresses since July 2025", () => {
  test("reads street, ward or commune, Hà Nội", () => {
    expect(fullAddress("235 Hoàng Quốc Việt", "nghia-do", "vi")).toBe("235 Hoàng Quốc Việt, Phường Nghĩa Đô, Hà Nội");
    expect(fullAddress("235 Hoàng Quốc Việt", "nghia-do", "en")).toBe("235 Hoàng Quốc Việt, Nghia Do Ward, Hanoi");
    expect(fullAddress(null, "bat-trang", "vi")).toBe("Xã Bát Tràng, Hà Nội");
  });

  test("does not repeat a ward or the city a published address already names", () => {
    expect(fullAddress("Số 41A, đường Phú Diễn, phường Phú Diễn, thành phố Hà Nội", "phu-dien", "vi")).toBe(
      "Số 41A, đường Phú Diễn, phường Phú Diễn, thành phố Hà Nội",
    );
    expect(fullAddress("Số 1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội", null, "vi")).toBe(
      "Số 1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội",
    );
    expect(fullAddress(null, null, "vi")).toBeNull();
  });

  test("links to an OpenStreetMap search and dials each number", () => {
    expect(mapSearchUrl("Số 1 Đại Cồ Việt, Hà Nội")).toBe(
      "https://www.openstreetmap.org/search?query=S%E1%BB%91%201%20%C4%90%E1%BA%A1i%20C%E1%BB%93%20Vi%E1%BB%87t%2C%20H%C3%A0%20N%E1%BB%99i",
    );
    expect(phoneNumbers("0242.2452.662; (+84-24) 2218 5607")).toEqual([
      { label: "0242.2452.662", href: "tel:02422452662" },
      { label: "(+84-24) 2218 5607", href: "tel:+842422185607" },
    ]);
  });
});
