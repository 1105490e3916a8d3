import CLibXML2

/// The one place where libxml2 is set up, for every XML input of the package (charts, proposals,
/// schemas, ArchiMate models): the process-wide initialisation, the parser options, and the routing of
/// its errors to the parser that is running.
enum LibXML {
    /// Initialises the library and installs the external entity loader that refuses every load (schemas
    /// are compiled from memory; nothing else may ever be fetched, local file or network).
    private static let ready: Bool = {
        xmlInitParser()
        orgscope_install_refusing_loader()
        return true
    }()

    /// Sets libxml2 up, once per process; every parse calls this first.
    static func prepare() {
        _ = ready
    }

    /// Parser options for every document: no network, no entity substitution, no DTD loading.
    static var parserOptions: Int32 {
        Int32(XML_PARSE_NONET.rawValue)
    }

    /// Runs `body` with this thread's libxml2 errors (parser, encoding, I/O) handed to `diagnostic`
    /// with `owner`, through the shim's structured-error callback, and libxml2's generic errors (which
    /// it would print to stderr besides the structured error that says the same) dropped; libxml2's
    /// own handling is back when `body` returns. `body` gets the context, to route the errors of schema
    /// and reader contexts there too, or to serve as a SAX handler's context.
    static func routingErrors<Result>(to owner: AnyObject, through diagnostic: orgscope_diagnostic_fn,
                                      _ body: (UnsafeMutablePointer<orgscope_context>) -> Result) -> Result {
        var context = orgscope_context(owner: Unmanaged.passUnretained(owner).toOpaque(), diagnostic: diagnostic,
                                       parser: nil)
        return withUnsafeMutablePointer(to: &context) { pointer in
            orgscope_route_errors(pointer)
            defer { orgscope_route_errors(nil) }
            return body(pointer)
        }
    }

    /// Copies a libxml2 `Const` string (valid only until the next read) into a Swift string.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
