internal import COrgCrypto
import Foundation

/// The SHA-256 of a file, through OpenSSL's libcrypto, read in pieces of a megabyte (a chart of a
/// country is a few hundred megabytes): what a review records of each input file, so that the register
/// shows which bytes each review read.
public enum FileDigest {
    /// The digest of `bytes`, in lowercase hexadecimal.
    public static func sha256(bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil) == 1 else { return "" }
        return hex(digest.prefix(Int(length)))
    }

    /// The digest of the file at `path`, in lowercase hexadecimal; nil when the file cannot be read.
    public static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path), let context = EVP_MD_CTX_new() else { return nil }
        defer {
            EVP_MD_CTX_free(context)
            try? handle.close()
        }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        while true {
            let piece: Data?
            do { piece = try handle.read(upToCount: 1 << 20) } catch { return nil }
            guard let chunk = piece, !chunk.isEmpty else { break }  // nil or empty: the end of the file
            let ok = chunk.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            guard ok == 1 else { return nil }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { return nil }
        return hex(digest.prefix(Int(length)))
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
