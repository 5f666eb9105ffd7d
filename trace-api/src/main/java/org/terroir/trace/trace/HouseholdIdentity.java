package org.terroir.trace.trace;

import java.util.Optional;

/**
 * The personal data of a producer household ({@code ProducerIdentity} in the schema): only
 * regulators and the association that owns a batch's brand read it. {@link #toString()} withholds it,
 * so that it does not reach a log by accident.
 *
 * @param pseudonym the household's pseudonym
 * @param name      the name of the head of the household
 * @param phone     the phone number
 * @param idNumber  the resident ID number, when recorded
 */
public record HouseholdIdentity(String pseudonym, String name, String phone, Optional<String> idNumber) {

    /** The ID number, or null: the GraphQL field reads it as a property. */
    public String getIdNumber() {
        return idNumber.orElse(null);
    }

    @Override
    public String toString() {
        return "HouseholdIdentity[pseudonym=" + pseudonym + ", personal data withheld]";
    }
}
