// The words of words-in-java-vi-order.txt, sorted by Java's own Vietnamese Collator: an
// implementation of Vietnamese order independent of modelbook's, for CollationTests.
// The word list is every word of the sample manuscript's files, and a few made to sit on edges.
//
//   java VietnameseSort.java words.txt > words-in-java-vi-order.txt      (JDK 11 or later)
import java.text.Collator;
import java.util.*;
import java.nio.file.*;
public class VietnameseSort {
  public static void main(String[] a) throws Exception {
    Collator c = Collator.getInstance(Locale.forLanguageTag("vi"));
    c.setStrength(Collator.TERTIARY);
    List<String> l = new ArrayList<>(Files.readAllLines(Paths.get(a[0])));
    l.sort(c);
    for (String s : l) System.out.println(s);
  }
}
