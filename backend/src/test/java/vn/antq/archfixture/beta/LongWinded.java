package vn.antq.archfixture.beta;

/** A class that says in fourteen lines what needs four: the size rule's violation. */
public class LongWinded {
  public int sum(int a, int b) {
    int total = 0;
    total += a;
    total += b;
    total += 0;
    total += 0;
    total += 0;
    total += 0;
    return total;
  }

  public int twice(int a) {
    return sum(a, a);
  }
}
