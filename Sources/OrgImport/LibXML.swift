import CLibXML2

/// Process-wide libxml2 set-up, done once before the first parse: initialise the library and install
/// the external entity loader that refuses every load (schemas are compiled from memory; nothing else
/// may ever be fetched, local file or network).
enum LibXML {
    private static let ready: Bool = {
        xmlInitParser()
        orgscope_install_refusing_loader()
        return true
    }()

    static func prepare() {
        _ = ready
    }

    /// Parser options for every document: no network, no entity substitution, no DTD loading.
    static var parserOptions: Int32 {
        Int32(XML_PARSE_NONET.rawValue)
    }

    /// Copies a libxml2 `Const` string (valid only until the next read) into a Swift string.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
