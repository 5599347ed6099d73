namespace WedTech.App.Features.Vendors.Components;

/// <summary>
/// What the vendor form holds, checked as the server checks it before anything is sent (GSTIN, PAN, IFSC, account number,
/// UPI id), and the request it sends. Bank details typed in replace the stored ones; left empty they keep them.
/// </summary>
public sealed class VendorFormModel
{
    public string Name { get; set; } = "";
    public List<string> Categories { get; } = [];
    public List<ContactRow> Contacts { get; } = [];
    public string? Gstin { get; set; }
    public string? Pan { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? StateCode { get; set; }
    public string? AccountName { get; set; }
    public string? AccountNumber { get; set; }
    public string? Ifsc { get; set; }
    public string? UpiId { get; set; }

    /// <summary>Removes the stored bank details (sent as all fields empty).</summary>
    public bool RemoveBank { get; set; }

    public int? Rating { get; set; }
    public string? Notes { get; set; }

    public sealed class ContactRow
    {
        public string Name { get; set; } = "";
        public string? Role { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    public static VendorFormModel From(VendorResponse vendor)
    {
        var model = new VendorFormModel
        {
            Name = vendor.Name, Gstin = vendor.Gstin, Pan = vendor.Pan, Address = vendor.Address, City = vendor.City, StateCode = vendor.StateCode,
            Rating = vendor.Rating, Notes = vendor.Notes,
        };
        model.Categories.AddRange(vendor.Categories);
        model.Contacts.AddRange(vendor.Contacts.Select(c => new ContactRow { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email }));
        return model;
    }

    /// <summary>Whether any bank field was typed in.</summary>
    public bool EntersBank => new[] { AccountName, AccountNumber, Ifsc, UpiId }.Any(f => !string.IsNullOrWhiteSpace(f));

    /// <summary>Adds a category (a built-in one or the studio's own); false when it is there already or there are as many as a vendor may have.</summary>
    public bool AddCategory(string? category)
    {
        var name = category?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > VendorLimits.MaxCategory || Categories.Count >= VendorLimits.MaxCategories
            || Categories.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        Categories.Add(name);
        return true;
    }

    public void ToggleCategory(string category)
    {
        if (Categories.RemoveAll(c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            AddCategory(category);
        }
    }

    /// <summary>The field errors found before sending, keyed as the API keys them ("gstin", "bank.ifsc", "contacts[0].name").</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        void Add(string field, string? message)
        {
            if (message is not null)
            {
                errors[field] = [message];
            }
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Add("name", "Give the vendor's name, as on their bills.");
        }
        if (Categories.Count == 0)
        {
            Add("categories", "Choose what the vendor does: at least one category.");
        }
        for (var i = 0; i < Contacts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Contacts[i].Name))
            {
                Add($"contacts[{i}].name", "Give the contact's name, or remove the row.");
            }
        }
        var gstin = Normalized(Gstin);
        var pan = Normalized(Pan);
        if (gstin is not null)
        {
            Add("gstin", IndianTaxIds.CheckGstin(gstin));
        }
        if (pan is not null)
        {
            Add("pan", IndianTaxIds.CheckPan(pan));
            if (gstin is { Length: 15 } && !errors.ContainsKey("gstin") && !errors.ContainsKey("pan") && gstin[2..12] != pan)
            {
                Add("pan", $"This PAN is not the one in the GSTIN ({gstin[2..12]}).");
            }
        }
        if (!RemoveBank)
        {
            if (Normalized(AccountNumber) is { } number)
            {
                Add("bank.accountNumber", IndianTaxIds.CheckAccountNumber(number));
            }
            if (Normalized(Ifsc) is { } ifsc)
            {
                Add("bank.ifsc", IndianTaxIds.CheckIfsc(ifsc));
            }
            if (Normalized(AccountNumber) is not null && Normalized(Ifsc) is null)
            {
                Add("bank.ifsc", "Give the branch's IFSC with the account number.");
            }
            if (Normalized(Ifsc) is not null && Normalized(AccountNumber) is null)
            {
                Add("bank.accountNumber", "Give the account number with the IFSC.");
            }
            if (UpiId?.Trim() is { Length: > 0 } upi)
            {
                Add("bank.upiId", IndianTaxIds.CheckUpiId(upi));
            }
        }
        return errors;
    }

    public VendorRequest ToRequest()
    {
        var bank = RemoveBank
            ? new VendorBankDetails(null, null, null, null)
            : EntersBank
                ? new VendorBankDetails(VendorText(AccountName), Normalized(AccountNumber), Normalized(Ifsc), VendorText(UpiId))
                : null;
        return new VendorRequest(Name.Trim(), [.. Categories],
            [.. Contacts.Select(c => new VendorContact(c.Name.Trim(), VendorText(c.Role), VendorText(c.Phone), VendorText(c.Email)))],
            Normalized(Gstin), Normalized(Pan), VendorText(Address), VendorText(City), StateCode, bank, Rating, VendorText(Notes));
    }

    private static string? Normalized(string? value) => string.IsNullOrWhiteSpace(value) ? null : IndianTaxIds.Normalize(value);

    private static string? VendorText(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
