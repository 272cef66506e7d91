package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A model's {@link ForeignKey}s are read once into its fields' relations. */
class RelationTest {
    static class Customer extends Model {
        public String name = "";
    }

    static class Purchase extends Model {
        @ForeignKey(Customer.class) public long customerId;
        @ForeignKey(value = Customer.class, field = "name", name = "payer", relatedName = "payments") public String payerName = "";
        public double amount;
    }

    @Test
    void foreignKeysBecomeRelationsWithDjangoDefaultNames() {
        ModelMeta m = ModelMeta.of(Purchase.class);
        assertThat(m.fieldByJavaName("customerId").orElseThrow().relation())
                .contains(new Relation("customer", Customer.class, "id", "purchase"));
        assertThat(m.fieldByJavaName("payerName").orElseThrow().relation())
                .contains(new Relation("payer", Customer.class, "name", "payments"));
        assertThat(m.fieldByJavaName("amount").orElseThrow().relation()).isEmpty();
    }
}
