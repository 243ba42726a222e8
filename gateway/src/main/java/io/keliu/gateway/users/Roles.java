package io.keliu.gateway.users;

import io.keliu.contracts.v1.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of roles as their comma-separated names. */
@Converter
public class Roles implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<Role> convertToEntityAttribute(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
